package cn.tongguan.console.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Geocoding;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hotline form's class list on a seat's first sign-in, when the names arrive after the form was built. */
class HotlineIntakeViewModelTest {
    private final CacheDatabase db = CacheDatabase.inMemory("intake-" + UUID.randomUUID());
    private final CacheMeta meta = new CacheMeta(db);

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theClassListFillsWhenTheNamesArriveWithoutAnythingTyped() {
        ReferenceHolder reference = new ReferenceHolder(meta);
        Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
        HotlineIntakeViewModel form = new HotlineIntakeViewModel(messages, new Labels(messages), reference,
                new HotlineIntakeViewModel.Services() {
                    @Override
                    public List<Geocoding.Candidate> geocode(String address) {
                        return List.of();
                    }

                    @Override
                    public OutboxStore.Entry file(Cases.NewCase order) {
                        throw new AssertionError("nothing is filed here");
                    }
                }, Runnable::run, Runnable::run);
        assertThat(form.classes()).isEmpty();

        meta.putReference("categories", "[{\"code\":\"06\",\"kind\":\"event\",\"level\":\"big\",\"name\":\"市容环境\"},"
                + "{\"code\":\"06010\",\"kind\":\"event\",\"level\":\"small\",\"name\":\"暴露垃圾\",\"parentCode\":\"06\"}]");
        reference.reload();
        form.referenceChanged();
        assertThat(form.classes()).extracting(c -> c.code()).containsExactly("06010");
        assertThat(form.categoryProperty().get().code()).isEqualTo("06010");
    }
}
