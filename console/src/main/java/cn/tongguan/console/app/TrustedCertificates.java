package cn.tongguan.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Which certificates the console trusts for an {@code https://} platform (等保 2.0 通信传输): always the JDK's default
 * authorities, plus a city's own CA when {@code --trust-store} names one, as PEM certificates ({@code .pem},
 * {@code .crt}, {@code .cer}) or a PKCS#12 store. The platform's certificate is verified, host name included; there
 * is no switch to turn verification off.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /** An {@code https} failure because the platform's certificate is not trusted (the remedy is --trust-store). */
    public static final class UntrustedPlatformException extends IOException {
        private static final long serialVersionUID = 1L;

        UntrustedPlatformException(IOException cause) {
            super("the platform's TLS certificate is not trusted (not signed by a known authority nor by the "
                    + "--trust-store given): " + cause.getMessage(), cause);
        }
    }

    /**
     * Sets the builder's trust to the JDK's authorities plus {@code trustStore} (if not null), and makes a refused
     * certificate an {@link UntrustedPlatformException} rather than a bare handshake failure.
     */
    public static OkHttpClient.Builder apply(OkHttpClient.Builder builder, Path trustStore, String password) {
        if (trustStore != null) {
            X509TrustManager trust = trustManager(trustStore, password);
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {trust}, null);
                builder.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS unavailable", e);
            }
        }
        return builder.addInterceptor(chain -> {
            try {
                return chain.proceed(chain.request());
            } catch (SSLHandshakeException e) {
                throw untrusted(e) ? new UntrustedPlatformException(e) : e;
            }
        });
    }

    /** Whether a handshake failed because no trusted authority vouches for the certificate. */
    static boolean untrusted(SSLHandshakeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException) {
                return true;
            }
        }
        return String.valueOf(e.getMessage()).contains("PKIX");
    }

    /** The JDK's default authorities and the certificates of {@code extra}, in one trust manager. */
    static X509TrustManager trustManager(Path extra, String password) {
        try {
            KeyStore all = KeyStore.getInstance(KeyStore.getDefaultType());
            all.load(null, null);
            int n = 0;
            for (X509Certificate c : defaultTrust().getAcceptedIssuers()) {
                all.setCertificateEntry("jdk-" + n++, c);
            }
            for (Certificate c : read(extra, password)) {
                all.setCertificateEntry("city-" + n++, c);
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(all);
            return (X509TrustManager) f.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read the trust store " + extra + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        return (X509TrustManager) f.getTrustManagers()[0];
    }

    private static Collection<? extends Certificate> read(Path file, String password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
            KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password == null ? null : password.toCharArray());
            }
            java.util.List<Certificate> out = new java.util.ArrayList<>();
            for (String alias : java.util.Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c != null) {
                    out.add(c);
                }
            }
            return out;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + file);
            }
            return certs;
        }
    }
}
