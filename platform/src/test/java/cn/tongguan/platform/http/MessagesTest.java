package cn.tongguan.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = new Messages();

    @Test
    void bothLanguagesKnowTheSameCodes() {
        assertThat(messages.keys(true)).isEqualTo(messages.keys(false));
    }

    @Test
    void everyErrorCodeInTheSourcesHasASentence() throws IOException {
        Pattern code = Pattern.compile("\"([a-z]+(?:_[a-z]+)+|not_found|forbidden|unauthorized|bad_json)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (String ctor : new String[] {"ApiException(", "badRequest(", "unprocessable(", "conflict(", "forbidden("}) {
                    int i = -1;
                    while ((i = text.indexOf(ctor, i + 1)) >= 0) {
                        Matcher m = code.matcher(text.substring(i, Math.min(text.length(), i + 120)));
                        if (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(messages.keys(false)).containsAll(used);
    }

    @Test
    void acceptLanguagePicksEnglishOnlyWhenPreferred() {
        assertThat(Messages.prefersEnglish(null)).isFalse();
        assertThat(Messages.prefersEnglish("zh-CN,zh;q=0.9,en;q=0.8")).isFalse();
        assertThat(Messages.prefersEnglish("en-US,en;q=0.9")).isTrue();
        assertThat(Messages.prefersEnglish("garbage;;q=x")).isFalse();
        assertThat(messages.message("outside_city", true)).isEqualTo("The location is outside the city");
    }
}
