package nl.bijstandsportaal.platform.db;

import jakarta.inject.Singleton;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables this instance has written to: a counter per table, moved on when a write to it is committed (at once
 * outside a transaction, at the commit inside one; a rollback moves nothing). A reader that keeps something computed
 * from some tables (the work list) compares {@link #version} before and after, and computes again when it moved.
 * Writes by another instance are not seen here: such a reader also keeps its result only briefly.
 */
@Singleton
public class TableChanges implements ExecuteListener, TransactionListener {

    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(?:insert(?:\\s+ignore)?\\s+into|replace\\s+into|update|delete\\s+from)\\s+[`\"]?([A-Za-z0-9_]+)[`\"]?",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final ThreadLocal<Deque<Set<String>>> open = ThreadLocal.withInitial(ArrayDeque::new);

    /** A number that changes whenever one of these tables was written and committed. */
    public long version(Collection<String> tables) {
        long sum = 0;
        for (String table : tables) {
            AtomicLong v = versions.get(table.toLowerCase(Locale.ROOT));
            sum += v == null ? 0 : v.get();
        }
        return sum;
    }

    /** The table a statement writes to, or null for a read. */
    static String writtenTable(String sql) {
        if (sql == null) {
            return null;
        }
        Matcher m = WRITE.matcher(sql);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        Set<String> tables = new HashSet<>();
        if (ctx.batchSQL() != null && ctx.batchSQL().length > 0) {
            for (String sql : ctx.batchSQL()) {
                String table = writtenTable(sql);
                if (table != null) {
                    tables.add(table);
                }
            }
        } else {
            String table = writtenTable(ctx.sql());
            if (table != null) {
                tables.add(table);
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        Deque<Set<String>> stack = open.get();
        if (stack.isEmpty()) {
            tables.forEach(this::bump);
        } else {
            stack.peek().addAll(tables);
        }
    }

    @Override
    public void beginEnd(TransactionContext ctx) {
        open.get().push(new HashSet<>());
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        Deque<Set<String>> stack = open.get();
        if (stack.isEmpty()) {
            return;
        }
        Set<String> written = stack.pop();
        if (stack.isEmpty()) {
            written.forEach(this::bump);
            open.remove();
        } else {
            stack.peek().addAll(written); // a nested transaction (savepoint): counted when the outer one commits
        }
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        Deque<Set<String>> stack = open.get();
        if (!stack.isEmpty()) {
            stack.pop();
        }
        if (stack.isEmpty()) {
            open.remove();
        }
    }

    private void bump(String table) {
        versions.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
    }
}
