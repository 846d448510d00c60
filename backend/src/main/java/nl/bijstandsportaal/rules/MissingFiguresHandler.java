package nl.bijstandsportaal.rules;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.web.ErrorPages;
import nl.bijstandsportaal.platform.web.PortalErrorResponseProcessor;
import nl.bijstandsportaal.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;

/**
 * A calculation that needs a figure the rules do not know yet (a month whose norms are not published, say) ends in
 * plain words, never in a 500: the page says which month is not known yet and to try again later; the app gets
 * problem+json of type {@code figures-not-known} (409). Pages that can show the rest without the figure do so
 * themselves; this is the net under every other place.
 */
@Singleton
@Produces
@Requires(classes = {RuleBook.MissingRuleException.class, ExceptionHandler.class})
class MissingFiguresHandler implements ExceptionHandler<RuleBook.MissingRuleException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(MissingFiguresHandler.class);

    private final Problems problems;
    private final ErrorPages errorPages;
    private final Messages messages;

    MissingFiguresHandler(Problems problems, ErrorPages errorPages, Messages messages) {
        this.problems = problems;
        this.errorPages = errorPages;
        this.messages = messages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuleBook.MissingRuleException e) {
        LOG.warn("A figure is not known yet: {}", e.getMessage());
        YearMonth month = YearMonth.from(e.day());
        if (!PortalErrorResponseProcessor.wantsProblemJson(request)) {
            return errorPages.page(request, HttpStatus.CONFLICT, "figures", null, month);
        }
        String detail = messages.getFormatted(problems.locale(), "figures.notKnown.detail", month);
        return problems.response(request, HttpStatus.CONFLICT, ProblemTypes.FIGURES_NOT_KNOWN, detail, null, null, null);
    }
}
