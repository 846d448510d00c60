package nl.bijstandsportaal.platform.readability;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.utility.DeepUnwrap;
import nl.bijstandsportaal.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The macro that shows the check to the consulent (views/consulent/readability.ftlh), rendered without the app: the
 * same Freemarker settings as PageRenderer and the real bundles.
 */
class ReadabilityViewTest {

    private static final Messages MESSAGES = new Messages();
    private static final ReadabilityCheck CHECK = new ReadabilityCheck(MESSAGES);

    @Test
    void aHardTextShowsScoreLongSentencesHardWordsAndTheHint() throws Exception {
        String html = render(Messages.DUTCH, "Op grond van artikel 17 van de Participatiewet bent u verplicht om alle "
                + "wijzigingen in uw persoonlijke en financiële omstandigheden die van invloed kunnen zijn op de hoogte "
                + "van uw uitkering onverwijld aan het college van burgemeester en wethouders te melden. Denk aan de "
                + "terugvordering.", "headingLevel=2");
        assertTrue(html.contains("<h2 class=\"utrecht-heading-2\" id=\"leesbaarheid-titel\">Leesbaarheid van je tekst</h2>"), html);
        assertTrue(html.contains("utrecht-alert--warning"), html);
        assertTrue(html.matches("(?s).*Score \\d+ van 100: moeilijk\\..*"), html);
        assertTrue(html.contains("2 zinnen, 45 woorden, gemiddeld 22,5 woorden per zin."), html);
        assertTrue(html.contains("Zin 1, 41 woorden: „Op grond van artikel 17 van …”"), html);
        assertTrue(html.contains("terugvordering: dit woord staat in de woordenlijst."), html);
        assertTrue(html.contains("href=\"/woordenlijst#terugvordering\""), html);
        assertTrue(html.contains("Je kunt de tekst ook zo versturen."), html);
    }

    @Test
    void anEasyTextSaysSoInEnglishToo() throws Exception {
        String text = "Wij hebben je brief gekregen. Je krijgt snel een antwoord van ons. Dank je wel.";
        String dutch = render(Messages.DUTCH, text, "");
        assertTrue(dutch.contains("utrecht-alert--ok"), dutch);
        assertTrue(dutch.matches("(?s).*Score \\d+ van 100: goed te lezen, ongeveer taalniveau B1\\..*"), dutch);
        assertTrue(dutch.contains("3 zinnen, 15 woorden, gemiddeld 5 woorden per zin."), dutch);
        assertTrue(dutch.contains("<h3"), "heading level 3 unless told");
        assertFalse(dutch.contains("<ul"), "no lists without findings");
        String english = render(Messages.ENGLISH, text, "");
        assertTrue(english.contains("The text is easy to read."), english);
    }

    @Test
    void anEmptyOrShortTextGetsNoVerdict() throws Exception {
        assertTrue(render(Messages.DUTCH, "  ", "").contains("Er is nog geen tekst om na te kijken."));
        String shortText = render(Messages.DUTCH, "Tot morgen.", "id=\"check\"");
        assertTrue(shortText.contains("De tekst is te kort voor een score."), shortText);
        assertTrue(shortText.contains("1 zin, 2 woorden, gemiddeld 2 woorden per zin."), shortText);
        assertTrue(shortText.contains("aria-labelledby=\"check-titel\""), shortText);
        assertFalse(shortText.contains("Score"), shortText);
    }

    @Test
    void aLongWordIsNamedWithItsLength() throws Exception {
        String html = render(Messages.DUTCH, "Stuur je arbeidsovereenkomst.", "");
        assertTrue(html.contains("arbeidsovereenkomst: een lang woord (19 letters)."), html);
        assertTrue(html.contains("utrecht-alert--warning"), html);
    }

    private static String render(Locale locale, String text, String arguments) throws Exception {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(ReadabilityViewTest.class.getClassLoader(), "views");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setNumberFormat("computer");
        TemplateMethodModelEx msg = args -> {
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
            }
            return MESSAGES.getFormatted(locale, String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))), rest);
        };
        Template page = new Template("page.ftlh", new StringReader(
                "<#import \"consulent/readability.ftlh\" as rd><@rd.readability result=result " + arguments + "/>"), freemarker);
        StringWriter out = new StringWriter();
        page.process(Map.of("result", CHECK.check(text), "msg", msg), out);
        return out.toString();
    }
}
