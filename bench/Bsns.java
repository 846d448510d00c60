/**
 * Prints the BSNs of the first N generated benchmark citizens (the same rule as DemoDataSeeder: valid by the
 * 11-test, counting up from 100000000, none starting with 99999): java Bsns.java N.
 */
public class Bsns {
    public static void main(String[] args) {
        int wanted = Integer.parseInt(args[0]);
        long n = 100_000_000L;
        for (int found = 0; found < wanted; n++) {
            String s = String.format("%09d", n);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (s.charAt(i) - '0');
            }
            sum -= s.charAt(8) - '0';
            if (sum % 11 == 0 && !s.equals("000000000") && !s.startsWith("99999")) {
                System.out.println(s);
                found++;
            }
        }
    }
}
