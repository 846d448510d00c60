package nl.bijstandsportaal.platform.atrest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The keys at rest from the configuration (PORTAL_DATA_KEYS, PORTAL_BSN_INDEX_KEY; ADR 0042). */
@Factory
class AtRestFactory {

    @Singleton
    DataKeys dataKeys(@Value("${portal.data-keys.keys:}") String keys, @Value("${portal.data-keys.bsn-index-key:}") String indexKey) {
        return DataKeys.parse(keys, indexKey);
    }
}
