package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * A valid signature is not enough: the token's session must still be open on the server and be of the right kind for
 * the path (ADR 0039). The check reads a short in-memory cache first and the database only on a miss, off the event loop.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
class SessionCheckingFetcher extends TokenAuthenticationFetcher {

    private final SessionGuard guard;

    SessionCheckingFetcher(List<TokenValidator<HttpRequest<?>>> tokenValidators, TokenResolver<HttpRequest<?>> tokenResolver,
                           ApplicationEventPublisher<TokenValidatedEvent> publisher, HttpHostResolver hosts,
                           HttpLocaleResolver locales, SessionGuard guard) {
        super(tokenValidators, tokenResolver, publisher, hosts, locales);
        this.guard = guard;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        boolean web = WebCookieTokenReader.cookieCounts(request);
        return Mono.from(super.fetchAuthentication(request))
                .flatMap(authentication -> Mono.fromCallable(() -> guard.check(authentication, web).orElse(null))
                        .subscribeOn(Schedulers.boundedElastic()));
    }
}
