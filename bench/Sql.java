import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs SQL statements on the embedded MariaDB of a running portal and prints what queries return, one row a line,
 * columns separated by a tab: java -cp MYSQL_CONNECTOR_JAR bench/Sql.java PORT "SET GLOBAL ..." "SELECT @@...".
 * PORT may also be a whole JDBC URL (with user and password as URL parameters), for a database that is not embedded.
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        String url = args[0].startsWith("jdbc:") ? args[0] : "jdbc:mysql://127.0.0.1:" + args[0] + "/?user=root";
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                if (s.execute(args[i])) {
                    try (ResultSet rs = s.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        StringBuilder out = new StringBuilder();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                out.append(col > 1 ? "\t" : "").append(rs.getString(col));
                            }
                            out.append('\n');
                        }
                        System.out.print(out);
                    }
                }
            }
        }
    }
}
