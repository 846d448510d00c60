package nl.bijstandsportaal.platform.db;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hot query whose SQL jOOQ renders once, at start-up: each run sends the same text with new bind values. On our
 * small queries rendering cost more than the database did (docs/benchmarks.md); jOOQ's manual advises caching the
 * SQL of such queries. The template is ordinary typed jOOQ with {@code DSL.param("name", type)} where values change;
 * each name may appear once. Results come back as records of the template's fields, so {@code record.get(FIELD)}
 * works as usual.
 */
public final class RenderedOnce {

    private final String sql;
    private final List<String> names;
    private final Field<?>[] fields;

    private RenderedOnce(String sql, List<String> names, Field<?>[] fields) {
        this.sql = sql;
        this.names = names;
        this.fields = fields;
    }

    public static RenderedOnce of(DSLContext db, ResultQuery<?> template) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Param<?>> param : template.getParams().entrySet()) {
            if (!param.getValue().isInline()) {
                names.add(param.getKey());
            }
        }
        if (names.size() != db.extractBindValues(template).size()) {
            throw new IllegalArgumentException("every bind value of a rendered-once query needs its own name: " + db.render(template));
        }
        Field<?>[] fields = template instanceof Select<?> select ? select.getSelect().toArray(Field<?>[]::new) : template.fields();
        return new RenderedOnce(db.render(template), List.copyOf(names), fields);
    }

    /** Runs the query on {@code db} (inside the caller's transaction, when it has one) with a value for every name. */
    public Result<Record> fetch(DSLContext db, Map<String, ?> values) {
        Object[] binds = new Object[names.size()];
        for (int i = 0; i < binds.length; i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for " + names.get(i));
            }
            binds[i] = values.get(names.get(i));
        }
        return db.resultQuery(sql, binds).coerce(fields).fetch();
    }

    String sql() {
        return sql;
    }
}
