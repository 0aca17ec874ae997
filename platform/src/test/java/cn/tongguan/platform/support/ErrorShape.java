package cn.tongguan.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every refusal must look like (design.md, errors): a 4xx, {@code application/json}, {@code {code, message}}
 * with the message in the caller's language, and no word of the libraries underneath. {@link #problem} names the
 * first thing wrong, or answers {@code null}.
 */
public final class ErrorShape {
    /** Text that only a library, never the API, writes. */
    private static final List<String> LIBRARY_TEXT = List.of("jackson", "jetty", "javalin", "java.", "javax.", "jakarta.",
            "exception", "com.fasterxml", "org.eclipse", "jsonreadfeature", "stack", "<html", "<h1", "kotlin");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private ErrorShape() {
    }

    private static List<String> texts(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.elements().forEachRemaining(e -> texts(e, out));
        return out;
    }

    public static String problem(int status, String contentType, String body, boolean english) {
        if (status >= 500) {
            return "status " + status;
        }
        if (status < 400) {
            return "not refused: " + status;
        }
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return "content type " + contentType;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        for (String word : LIBRARY_TEXT) {
            if (lower.contains(word)) {
                return "library text '" + word + "' in " + body;
            }
        }
        JsonNode json;
        try {
            json = Api.JSON.readTree(body);
        } catch (java.io.IOException e) {
            return "not JSON: " + body;
        }
        if (json == null || !json.path("code").isTextual() || !json.path("message").isTextual()) {
            return "not {code, message}: " + body;
        }
        if (!CODE.matcher(json.get("code").asText()).matches()) {
            return "code " + json.get("code");
        }
        String message = json.get("message").asText();
        if (message.isBlank()) {
            return "empty message";
        }
        // what the message echoes of the request (an id, a path) is the caller's own text, in any language
        for (String echoed : texts(json.path("details"), new java.util.ArrayList<>())) {
            if (!echoed.isEmpty()) {
                message = message.replace(echoed, "");
            }
        }
        boolean han = HAN.matcher(message).find();
        if (english == han && !(han == false && message.chars().noneMatch(Character::isLetter))) {
            return "message not in " + (english ? "English" : "Chinese") + ": " + message;
        }
        return null;
    }
}
