import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs SQL statements on the embedded MariaDB of a running portal and prints the first column of a query's first row:
 * java -cp MYSQL_CONNECTOR_JAR bench/Sql.java PORT "SET GLOBAL ..." "SELECT @@...".
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + args[0] + "/", "root", "");
             Statement s = c.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                if (s.execute(args[i])) {
                    try (ResultSet rs = s.getResultSet()) {
                        if (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
            }
        }
    }
}
