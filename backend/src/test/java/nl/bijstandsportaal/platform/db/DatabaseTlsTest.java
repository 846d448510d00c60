package nl.bijstandsportaal.platform.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database of its own only over TLS with a checked certificate, or on this machine when asked for (ADR 0042). */
class DatabaseTlsTest {

    @Test
    void withoutAVerifiedTlsModeTheUrlIsRefused() {
        for (String url : new String[]{"jdbc:mysql://db.example:3306/portal", "jdbc:mysql://db.example/portal?sslMode=REQUIRED",
                "jdbc:mysql://db.example/portal?sslMode=PREFERRED", "jdbc:mysql://db.example/portal?useSSL=true",
                "jdbc:mysql://db.example/portal?sslMode=DISABLED&x=sslMode=VERIFY_CA"}) {
            String problem = DatabaseTls.problem(url, "").orElseThrow(() -> new AssertionError(url));
            assertTrue(problem.contains("sslMode=VERIFY_IDENTITY"), problem);
        }
    }

    @Test
    void verifyIdentityOrVerifyCaIsEnough() {
        assertTrue(DatabaseTls.problem("jdbc:mysql://db.example:3306/portal?sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:/x.p12", null).isEmpty());
        assertTrue(DatabaseTls.problem("jdbc:mysql://db.example/portal?sslmode=verify_ca", "").isEmpty());
    }

    @Test
    void theOptOutHoldsOnlyForADatabaseOnThisMachine() {
        assertTrue(DatabaseTls.problem("jdbc:mysql://127.0.0.1:3306/portal", DatabaseTls.OPT_OUT).isEmpty());
        assertTrue(DatabaseTls.problem("jdbc:mysql://localhost/portal", DatabaseTls.OPT_OUT).isEmpty());
        assertTrue(DatabaseTls.problem("jdbc:mysql://[::1]:3306/portal", DatabaseTls.OPT_OUT).isEmpty());
        assertTrue(DatabaseTls.problem("jdbc:mysql://localhost/portal?socketFactory=org.newsclub.net.mysql.AFUNIXDatabaseSocketFactoryCJ"
                + "&junixsocket.file=/run/mysqld/mysqld.sock", DatabaseTls.OPT_OUT).isEmpty());
        assertTrue(DatabaseTls.problem("jdbc:mysql://db.example/portal", DatabaseTls.OPT_OUT).orElseThrow().contains("only for a database on this machine"));
        assertTrue(DatabaseTls.problem("jdbc:mysql://127.0.0.1.evil.example/portal", DatabaseTls.OPT_OUT).isPresent());
        assertTrue(DatabaseTls.problem("jdbc:mysql://127.0.0.1,db.example/portal", DatabaseTls.OPT_OUT).isPresent());
        assertEquals("DB_TLS may only be empty or 'off-on-this-host', not 'off'.",
                DatabaseTls.problem("jdbc:mysql://127.0.0.1/portal", "off").orElseThrow());
    }
}
