package nl.bijstandsportaal.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule data for the unit tests: the norms of 1 January 2024 from ../shared/domain.md (gemeentewestland.nl
 * normenoverzicht), and from 1 July 2024 made-up round figures (marked "test") to see a norm change.
 */
public final class TestRules {

    public static final String UTRECHT = "0344";
    public static final String WESTLAND = "1783";

    public static final String CSV = """
            regel,gemeente,geldig_vanaf,geldig_tot,waarde,status,bron
            norm.alleenstaand_18_20,*,2024-01-01,2024-06-30,316.94,vastgesteld,domain.md 2024-01
            norm.alleenstaand_18_20,*,2024-07-01,,320.00,vastgesteld,test
            norm.alleenstaande_ouder_18_20,*,2024-01-01,,316.94,vastgesteld,test
            norm.partners_18_20,*,2024-01-01,,633.88,vastgesteld,test
            norm.partners_18_20_en_21,*,2024-01-01,,1233.46,vastgesteld,test
            norm.partners_18_20_met_kinderen,*,2024-01-01,,1019.90,vastgesteld,test
            norm.partners_18_20_en_21_met_kinderen,*,2024-01-01,,1631.48,vastgesteld,test
            norm.alleenstaand_21_aow,*,2024-01-01,2024-06-30,1283.83,vastgesteld,domain.md 2024-01
            norm.alleenstaand_21_aow,*,2024-07-01,,1300.00,vastgesteld,test
            norm.alleenstaande_ouder_21_aow,*,2024-01-01,2024-06-30,1283.83,vastgesteld,domain.md 2024-01
            norm.alleenstaande_ouder_21_aow,*,2024-07-01,,1300.00,vastgesteld,test
            norm.partners_21_aow,*,2024-01-01,2024-06-30,1834.04,vastgesteld,domain.md 2024-01
            norm.partners_21_aow,*,2024-07-01,,1900.00,vastgesteld,test
            norm.alleenstaand_aow,*,2024-01-01,,1425.76,vastgesteld,domain.md 2024-01
            norm.partners_aow,*,2024-01-01,,1933.98,vastgesteld,domain.md 2024-01
            norm.inrichting_alleenstaand,*,2024-01-01,,406.51,vastgesteld,domain.md 2024-01
            norm.inrichting_partners,*,2024-01-01,,632.31,vastgesteld,domain.md 2024-01
            kostendeler.basis_procent,*,2015-01-01,,40,vastgesteld,art. 22a lid 1
            kostendeler.per_persoon_procent,*,2015-01-01,,30,vastgesteld,art. 22a lid 1
            kostendeler.minimumleeftijd,*,2015-01-01,,27,vastgesteld,art. 22a lid 2
            vakantietoeslag.procent,*,2015-01-01,,5,vastgesteld,art. 19 lid 2
            vakantietoeslag.uitbetaalmaand,*,2015-01-01,,5,vastgesteld,test
            vakantietoeslag.uitbetaalmaand,0344,2015-01-01,,6,vastgesteld,test
            aow.leeftijd_maanden,*,2024-01-01,,804,vastgesteld,test
            """;

    private TestRules() {
    }

    public static RuleBook book() {
        return RuleBook.of(parse(CSV));
    }

    public static List<RulePeriod> parse(String csv) {
        List<String> problems = new ArrayList<>();
        List<RulePeriod> periods;
        try {
            periods = RuleFiles.parse("test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return periods;
    }
}
