package cn.tongguan.console.testing;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class as on an English host (JVM default locale en_US, every category), and puts the previous
 * default back afterwards: the Chinese UI must not depend on the host's language. The only place that sets the
 * default locale, and only in tests.
 */
public final class EnglishHost implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace SAVED = ExtensionContext.Namespace.create(EnglishHost.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(SAVED);
        store.put("default", Locale.getDefault());
        store.put("display", Locale.getDefault(Locale.Category.DISPLAY));
        store.put("format", Locale.getDefault(Locale.Category.FORMAT));
        Locale.setDefault(Locale.US);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(SAVED);
        Locale.setDefault(store.get("default", Locale.class));
        Locale.setDefault(Locale.Category.DISPLAY, store.get("display", Locale.class));
        Locale.setDefault(Locale.Category.FORMAT, store.get("format", Locale.class));
    }
}
