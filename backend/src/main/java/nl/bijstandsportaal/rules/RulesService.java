package nl.bijstandsportaal.rules;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule book the portal works with. Loaded from the seed files when the application starts ({@code @Context}),
 * so rule data with a problem stops the start-up with every problem listed, instead of failing a citizen's page.
 */
@Context
public class RulesService {

    private static final Logger LOG = LoggerFactory.getLogger(RulesService.class);

    private final RuleBook book;

    RulesService() {
        this.book = RuleFiles.loadSeed();
        LOG.info("Rules loaded: {} periods", book.all().size());
    }

    public RuleBook book() {
        return book;
    }
}
