package nl.bijstandsportaal.platform.readability;

import nl.bijstandsportaal.platform.readability.Readability.Band;
import nl.bijstandsportaal.platform.readability.Readability.HardWord;
import nl.bijstandsportaal.platform.readability.Readability.Reason;
import nl.bijstandsportaal.platform.readability.Readability.Result;
import nl.bijstandsportaal.platform.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readability check of what a consulent writes to a citizen: score, syllables, sentences, long and hard words. */
class ReadabilityTest {

    /** The glossary as it is in i18n/glossary_nl.properties (the bean reads it from there; see readsTheGlossary...). */
    private static final List<String> GLOSSARY = List.of("bijstand", "consulent", "kostendeler", "leefvorm", "DigiD",
            "inlichtingenplicht", "vakantietoeslag", "norm", "verrekenen", "ontheffing", "terugvordering",
            "hersteltermijn", "bezwaar", "minimaregeling");
    private static final Readability CHECK = new Readability(GLOSSARY);

    private static final String PLAIN = """
            Beste meneer Jansen,

            Wij hebben je loonstrook van maart gekregen. Dank je wel. In april krijg je € 312,50 van ons. \
            Dat is minder dan anders. Je hebt in maart meer geld verdiend. Heb je vragen? Bel me dan op dinsdag of donderdag.

            Groet,
            Sanne de Boer""";

    private static final String BUREAUCRATIC = "Op grond van artikel 17 van de Participatiewet bent u verplicht om alle "
            + "wijzigingen in uw persoonlijke en financiële omstandigheden die van invloed kunnen zijn op de hoogte van uw "
            + "uitkering onverwijld en uit eigen beweging aan het college van burgemeester en wethouders te melden. Indien "
            + "u deze verplichting niet of niet tijdig nakomt, kan dit leiden tot een verlaging of beëindiging van de "
            + "bijstandsuitkering en tot terugvordering van de ten onrechte verstrekte bijstand.";

    @Test
    void aPlainMessageIsEasy() {
        Result result = CHECK.check(PLAIN);
        assertEquals(Band.EASY, result.band(), result.toString());
        assertTrue(result.score() >= 75, "short sentences and short words: " + result);
        assertEquals(10, result.sentences(), "the salutation and the greeting lines are sentences of their own: " + result);
        assertTrue(result.longSentences().isEmpty());
        assertTrue(result.hardWords().isEmpty(), result.hardWords().toString());
        assertFalse(result.hasAdvice());
    }

    @Test
    void aBureaucraticParagraphIsHard() {
        Result result = CHECK.check(BUREAUCRATIC);
        assertEquals(Band.HARD, result.band(), result.toString());
        assertTrue(result.score() < 30, "Douma: zeer moeilijk; " + result);
        assertEquals(2, result.sentences());
        assertEquals(List.of(1, 2), result.longSentences().stream().map(Readability.LongSentence::number).toList());
        assertEquals("Op grond van artikel 17 van", result.longSentences().get(0).start());
        assertEquals(45, result.longSentences().get(0).words());
        assertEquals(List.of("bijstandsuitkering", "terugvordering"),
                result.hardWords().stream().map(HardWord::word).toList(), "bijstand, the third, is the same glossary word");
        assertEquals("bijstand", result.hardWords().get(0).glossaryTerm());
        assertTrue(result.hasAdvice());
    }

    @Test
    void theScoreIsTheDoumaFormula() {
        // 2 sentences, 12 words, 16 syllables: 206.835 - 0.93 * 6 - 77 * 16 / 12 = 98.59
        Result result = CHECK.check("Wij hebben je brief gekregen. Je krijgt snel een antwoord van ons.");
        assertEquals(12, result.words());
        assertEquals(16, result.syllables());
        assertEquals(2, result.sentences());
        assertEquals(6.0, result.averageSentenceLength());
        assertEquals(99, result.score());
        assertEquals(Band.EASY, result.band());
    }

    @Test
    void theBandsFollowDoumasTable() {
        assertEquals(Band.EASY, Readability.band(60, 50));
        assertEquals(Band.FAIRLY_HARD, Readability.band(59, 50));
        assertEquals(Band.FAIRLY_HARD, Readability.band(45, 50));
        assertEquals(Band.HARD, Readability.band(44, 50));
        assertEquals(Band.TOO_SHORT, Readability.band(90, 9));
        assertEquals(Band.NO_TEXT, Readability.band(0, 0));
    }

    @ParameterizedTest
    @CsvSource({
            "bijstand, 2", "uitkering, 3", "gemeente, 3",
            "inkomstenopgave, 6", // in-kom-sten-op-ga-ve
            "beëindigen, 4", "ideeën, 3", "financiën, 4", "België, 3", "coördinatie, 5", "geïnd, 2",
            "Participatiewet, 6", "januari, 4", "situatie, 4", "individueel, 5", "bioscoop, 3",
            "rijbewijs, 3", "bijzondere, 4", "IJmuiden, 3", "verantwoordelijkheid, 6", "vakantietoeslag, 5",
            "kostendeler, 4", "moeilijk, 2", "mooie, 2", "draaien, 2", "leeuwen, 2", "nieuw, 1", "vrouwen, 2",
            "toeslag, 2", "museum, 3", "frequentie, 3", "yoghurt, 2", "systeem, 2", "baby, 2", "auto's, 2",
            "e-mail, 2", "o.a, 2", "BSN, 1", "DigiD, 2", "je, 1", "één, 1", "brief, 1", "loonstrook, 2"})
    void syllables(String word, int expected) {
        assertEquals(expected, DutchSyllables.count(word), word);
    }

    @Test
    void numbersAndAmountsCountAsOneSyllableEach() {
        Result result = CHECK.check("Je krijgt € 25,00 op 1 januari 2027.");
        // Je(1) krijgt(1) 25,00(1) op(1) 1(1) januari(4) 2027(1); "€" alone is no word
        assertEquals(7, result.words());
        assertEquals(10, result.syllables());
        assertEquals(1, result.sentences());
    }

    @Test
    void sentencesDoNotEndAtAmountsAbbreviationsOrDates() {
        assertEquals(1, sentences("Je krijgt € 12,50 per week, bijv. voor de bus."));
        assertEquals(1, sentences("Je krijgt € 1.250,50 per maand."));
        assertEquals(1, sentences("Stuur o.a. je loonstrook en d.w.z. ook die van je partner."));
        assertEquals(1, sentences("Mr. De Vries en mevr. J. Bakker komen langs."));
        assertEquals(1, sentences("Dit geldt vanaf 1-1-2027 en ook na 1.7.2027 nog."));
        assertEquals(1, sentences("De wet (art. 17 lid 1) zegt het."));
        assertEquals(1, sentences("Uw afspraak is op 3 jan. 2027 om 10.30 uur."));
        assertEquals(1, sentences("Kijk op www.gemeente.nl of mail naar info@gemeente.nl voor meer."));
        assertEquals(1, sentences("Dat doen we t.z.t. wel."));
    }

    @Test
    void sentencesEndAtMarksAndLineBreaks() {
        assertEquals(3, sentences("Kom je morgen? Ja! Dat is fijn."));
        assertEquals(2, sentences("Je krijgt € 25,00. Dat staat op 1-1-2027 op je rekening."));
        assertEquals(2, sentences("Het gaat om sport, school enz. Vraag het aan."));
        assertEquals(1, sentences("Het gaat om sport, school enz. en nog meer."));
        assertEquals(3, sentences("Beste Ahmed,\nHier is je brief\nGroet"));
        assertEquals(2, sentences("Kijk op www.gemeente.nl. Daar staat het."));
        assertEquals(2, sentences("Hij zei: „Kom morgen.” Daarna ging hij weg."));
        assertEquals(2, sentences("Dat weet ik niet... Ik vraag het na."));
        assertEquals(3, sentences("Stuur ons:\n1. je loonstrook\n2. je bankafschrift"), "a numbered list item is no sentence end");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n\t", "€ - ...", "!!!"})
    void aTextWithoutWordsHasADefinedResult(String text) {
        Result result = CHECK.check(text);
        assertEquals(Band.NO_TEXT, result.band());
        assertEquals(0, result.score());
        assertEquals(0, result.words());
        assertEquals(0, result.sentences());
        assertEquals(0.0, result.averageSentenceLength());
        assertTrue(result.longSentences().isEmpty());
        assertTrue(result.hardWords().isEmpty());
    }

    @Test
    void aSingleWordIsTooShortForAVerdict() {
        Result result = CHECK.check("Bedankt");
        assertEquals(Band.TOO_SHORT, result.band());
        assertEquals(1, result.words());
        assertEquals(1, result.sentences());
        assertEquals(52, result.score(), "206.835 - 0.93 - 77 * 2");
        assertFalse(result.hasAdvice());
    }

    @Test
    void aTextOfOnlyNumbersHasADefinedResult() {
        Result result = CHECK.check("25,00 12,50\n1-1-2027");
        assertEquals(Band.TOO_SHORT, result.band());
        assertEquals(3, result.words());
        assertEquals(3, result.syllables());
        assertEquals(2, result.sentences());
        assertEquals(100, result.score(), "kept at most 100");
        assertTrue(result.hardWords().isEmpty());
    }

    @Test
    void longSentencesArePointedAtByTheirFirstWords() {
        String text = "Dit is kort. Omdat je in de maand maart meer uren hebt gewerkt dan in februari en je werkgever je ook "
                + "nog een extra bedrag heeft betaald, krijg je deze keer minder. Ook dit is kort.";
        Result result = CHECK.check(text);
        assertEquals(1, result.longSentences().size());
        Readability.LongSentence sentence = result.longSentences().get(0);
        assertEquals(2, sentence.number());
        assertEquals(29, sentence.words());
        assertEquals("Omdat je in de maand maart", sentence.start());
    }

    @Test
    void aSentenceOfTwentyWordsIsNotLong() {
        String twenty = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
                + "zeventien achttien negentien twintig.";
        assertTrue(CHECK.check(twenty).longSentences().isEmpty());
        assertEquals(1, CHECK.check("nul " + twenty).longSentences().size());
    }

    @Test
    void aGlossaryWordWithoutExplanationIsHard() {
        List<HardWord> hard = CHECK.check("Je woont met een kostendeler. Daarom krijg je minder geld.").hardWords();
        assertEquals(List.of(new HardWord("kostendeler", Reason.GLOSSARY, "kostendeler", 11, 1)), hard);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Je woont met een kostendeler (iemand van 27 jaar of ouder). Daarom krijg je minder geld.",
            "Je woont met een kostendeler: iemand van 27 jaar of ouder. Daarom krijg je minder geld.",
            "Je woont met een kostendeler, dat is iemand van 27 jaar of ouder. Daarom krijg je minder geld.",
            "Je woont met een kostendeler. Dit betekent dat je minder geld krijgt.",
            "Een kostendeler is iemand van 27 jaar of ouder die bij je woont.",
            "Je moeder woont bij je. Dat noemen we een kostendeler.",
            "Je woont met een kostendeler. Lees meer op https://portaal.gemeente.nl/woordenlijst#kostendeler.",
            "Je woont met een kostendeler. Kijk in de woordenlijst: /woordenlijst",
            "Je woont met twee kostendelers (mensen van 27 jaar of ouder). Een kostendeler deelt de kosten."})
    void aGlossaryWordWithAnExplanationNearbyIsNot(String text) {
        assertTrue(CHECK.check(text).hardWords().isEmpty(), () -> CHECK.check(text).hardWords().toString());
    }

    @Test
    void aLinkToAnotherWordExplainsOnlyThatWord() {
        List<HardWord> hard = CHECK.check("Je kunt bezwaar maken tegen de terugvordering. Zie /woordenlijst#bezwaar.").hardWords();
        assertEquals(List.of("terugvordering"), hard.stream().map(HardWord::word).toList());
    }

    @Test
    void glossaryWordsAreFoundInTheirUsualForms() {
        Result result = CHECK.check("We hebben je loon verrekend. Je hebt twee kostendelers. Lees de bezwaren. "
                + "Open de DigiD-app. De normen gaan omhoog. Dat staat in de bijstandsnorm.");
        assertEquals(List.of("verrekenen", "kostendeler", "bezwaar", "DigiD", "norm", "bijstand"),
                result.hardWords().stream().map(HardWord::glossaryTerm).toList());
        assertEquals(List.of("verrekend", "kostendelers", "bezwaren", "DigiD-app", "normen", "bijstandsnorm"),
                result.hardWords().stream().map(HardWord::word).toList());
    }

    @Test
    void wordsThatOnlyLookLikeAGlossaryWordAreNot() {
        assertTrue(CHECK.check("Dat is normaal. Ik ben niet bezwaard. Je bent een goede consulteur.").hardWords().isEmpty());
    }

    @Test
    void aGlossaryWordOfMoreWordsIsFoundWholeAndFirst() {
        Readability withPhrase = new Readability(List.of("bijstand", "bijzondere bijstand"));
        List<HardWord> hard = withPhrase.check("Je kunt bijzondere bijstand vragen voor een bril.").hardWords();
        assertEquals(List.of(new HardWord("bijzondere bijstand", Reason.GLOSSARY, "bijzondere bijstand", 18, 1)), hard);
    }

    @Test
    void veryLongWordsAreHardToo() {
        List<HardWord> hard = CHECK.check("Vul het aanvraagformulier in. Stuur ook je arbeidsovereenkomst mee. "
                + "Je inkomstenopgave is klaar. Stuur je arbeidsovereenkomst vandaag.").hardWords();
        assertEquals(List.of(new HardWord("aanvraagformulier", Reason.LONG_WORD, null, 17, 1),
                new HardWord("arbeidsovereenkomst", Reason.LONG_WORD, null, 19, 2)), hard,
                "inkomstenopgave (15 letters) is not long; each word once");
    }

    @Test
    void aLongGlossaryWordIsNamedOnceAsAGlossaryWord() {
        List<HardWord> hard = CHECK.check("Denk aan je inlichtingenplicht.").hardWords();
        assertEquals(List.of(new HardWord("inlichtingenplicht", Reason.GLOSSARY, "inlichtingenplicht", 18, 1)), hard);
    }

    @Test
    void readsTheGlossaryWordsFromTheBundle() {
        ReadabilityCheck check = new ReadabilityCheck(new Messages());
        assertTrue(check.glossaryWords().containsAll(GLOSSARY), check.glossaryWords().toString());
        assertEquals("kostendeler", check.check("Je woont met een kostendeler.").hardWords().get(0).glossaryTerm());
    }

    private static int sentences(String text) {
        return CHECK.check(text).sentences();
    }
}
