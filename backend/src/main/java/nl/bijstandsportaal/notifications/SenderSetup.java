package nl.bijstandsportaal.notifications;

import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.demo.DemoMode;
import org.apache.http.HttpHost;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.UUID;

/**
 * Chooses the senders from the configuration (docs/notifications.md):
 * <ul>
 *   <li>push: the Firebase Admin SDK with a service-account file and project id ({@code FIREBASE_CREDENTIALS_FILE},
 *   {@code FIREBASE_PROJECT_ID}); or, for tests and benchmarks, the same SDK sending to a local fake FCM server
 *   ({@code FIREBASE_FAKE_SERVER}, no credentials); otherwise the {@link RecordingSenders};</li>
 *   <li>e-mail: SMTP when {@code SMTP_HOST} is set; otherwise the {@link RecordingSenders}.</li>
 * </ul>
 */
@Factory
class SenderSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SenderSetup.class);

    @Singleton
    @Bean(preDestroy = "close")
    PushSender pushSender(@Value("${portal.push.firebase.project-id:}") String projectId,
                          @Value("${portal.push.firebase.credentials-file:}") String credentialsFile,
                          @Value("${portal.push.firebase.fake-server:}") String fakeServer,
                          RecordingSenders recording, DemoMode demoMode, java.time.Clock clock) {
        if (!fakeServer.isBlank()) {
            LOG.info("Push: Firebase Admin SDK, sending to the fake FCM server at {}", fakeServer);
            return new FirebasePushSender(FirebaseApp.initializeApp(fakeServerOptions(fakeServer,
                    projectId.isBlank() ? "fake-project" : projectId), "portal-" + UUID.randomUUID()), clock);
        }
        if (projectId.isBlank() || credentialsFile.isBlank()) {
            if (demoMode.isActive()) {
                LOG.info("Push: no Firebase credentials; push messages go to the recording sender (developer page)");
            } else {
                LOG.warn("Push: no Firebase credentials (FIREBASE_PROJECT_ID, FIREBASE_CREDENTIALS_FILE): push messages are "
                        + "NOT sent to phones, only recorded; citizens still see everything in the portal's inbox");
            }
            return recording;
        }
        try (InputStream in = Files.newInputStream(Path.of(credentialsFile))) {
            FirebaseOptions options = FirebaseOptions.builder()
                    .setCredentials(GoogleCredentials.fromStream(in))
                    .setProjectId(projectId)
                    // A connection that hangs gives a result (tried again later) instead of holding the batch's lease.
                    .setConnectTimeout(10_000)
                    .setReadTimeout(60_000)
                    .build();
            LOG.info("Push: Firebase Admin SDK for project {}", projectId);
            return new FirebasePushSender(FirebaseApp.initializeApp(options, "portal-" + UUID.randomUUID()), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("The Firebase service-account file " + credentialsFile + " cannot be read", e);
        }
    }

    /**
     * The real SDK, its requests routed to a local fake FCM server over plain HTTP with a pool of kept-alive
     * connections, and a fixed access token so no call to Google's token service is made.
     */
    static FirebaseOptions fakeServerOptions(String fakeServer, String projectId) {
        HttpHost target = HttpHost.create(fakeServer);
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(200);
        connections.setDefaultMaxPerRoute(200);
        var client = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner((host, request, context) -> new HttpRoute(target))
                .disableRedirectHandling()
                .build();
        // A fake token that never expires (the year 9999): no token call is ever made, whatever day it is.
        AccessToken token = new AccessToken("fake-fcm-token", new Date(253_402_300_799_000L));
        return FirebaseOptions.builder()
                .setCredentials(GoogleCredentials.create(token))
                .setProjectId(projectId)
                .setHttpTransport(new ApacheHttpTransport(client))
                .build();
    }

    @Singleton
    EmailSender emailSender(@Value("${portal.email.smtp-host:}") String smtpHost,
                            @Value("${portal.email.from:}") String from,
                            BeanProvider<io.micronaut.email.EmailSender<?, ?>> smtp,
                            RecordingSenders recording, DemoMode demoMode, java.time.Clock clock) {
        if (smtpHost.isBlank()) {
            if (demoMode.isActive()) {
                LOG.info("E-mail: no SMTP server configured; e-mails go to the recording sender (developer page)");
            } else {
                LOG.warn("E-mail: no SMTP server configured (SMTP_HOST): e-mails are NOT sent, only recorded");
            }
            return recording;
        }
        if (from.isBlank()) {
            throw new IllegalStateException("SMTP_HOST is set but EMAIL_FROM is not: e-mail needs a sender address");
        }
        LOG.info("E-mail: SMTP at {}", smtpHost);
        return new SmtpEmailSender(smtp.get(), from);
    }
}
