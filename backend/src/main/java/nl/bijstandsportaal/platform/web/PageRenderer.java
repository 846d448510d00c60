package nl.bijstandsportaal.platform.web;

import nl.bijstandsportaal.platform.time.Today;
import freemarker.template.Configuration;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.utility.DeepUnwrap;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.i18n.HardWords;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CsrfFilter;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.SessionSettings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the Freemarker page templates ({@code views/*.ftlh}, escaped as HTML automatically) with what
 * every page needs: the texts in the visitor's language, the CSRF token, the signed-in person and the
 * session timing for the idle warning.
 */
@Singleton
public class PageRenderer {

    private final Configuration freemarker;
    private final Messages messages;
    private final LocaleResolver localeResolver;
    private final SessionSettings sessionSettings;
    private final TemplateMethodModelEx asset;

    PageRenderer(Messages messages, LocaleResolver localeResolver, SessionSettings sessionSettings, StaticAssets assets) {
        this.asset = arguments -> assets.address(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0))));
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.sessionSettings = sessionSettings;
        this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(PageRenderer.class.getClassLoader(), "views");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNumberFormat("computer");
    }

    public boolean exists(String view) {
        try {
            freemarker.getTemplate(file(view));
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The language codes of the language menu, in its order. */
    private static final java.util.List<String> LANGUAGES = Messages.SUPPORTED.stream().map(Locale::getLanguage).toList();

    public String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        StringWriter out = new StringWriter(8192);
        write(view, model, request, out);
        return out.toString();
    }

    public void write(String view, Map<String, Object> model, HttpRequest<?> request, Writer out) {
        Locale locale = localeResolver.resolve(request);
        Map<String, Object> all = new HashMap<>(model == null ? Map.of() : model);
        all.put("lang", locale.getLanguage());
        all.put("dir", Messages.rightToLeft(locale) ? "rtl" : "ltr");
        all.put("languages", LANGUAGES);
        MessageMethod msg = new MessageMethod(messages, locale);
        all.put("msg", msg);
        TextMethod text = new TextMethod(messages, locale);
        HardWords hardWords = new HardWords(messages.glossary(locale));
        all.put("explained", new ExplainedMethod(msg, hardWords));
        all.put("explainedText", new ExplainedMethod(text, hardWords));
        all.put("formatDate", new DateMethod(locale));
        all.put("formatMoney", new MoneyMethod(locale));
        all.put("text", text);
        all.put("asset", asset);
        all.put("csrfToken", request.getAttribute(CsrfFilter.TOKEN_ATTRIBUTE, String.class).orElse(""));
        all.put("currentPath", request.getPath());
        CurrentUser.of(request).ifPresent(user -> {
            all.put("user", user);
            all.put("sessionTimeoutSeconds", sessionSettings.getIdleTimeoutSeconds());
            all.put("sessionWarningSeconds", sessionSettings.getWarningBeforeSeconds());
        });
        try {
            Template template = freemarker.getTemplate(file(view), locale);
            template.process(all, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("Page " + view + " could not be rendered", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(String view) {
        return view.endsWith(".ftlh") ? view : view + ".ftlh";
    }

    /** {@code ${formatDate(someLocalDate)}}: "3 maart 2026" / "3 March 2026"; also takes a LocalDateTime or Instant. */
    private record DateMethod(Locale locale) implements TemplateMethodModelEx {
        private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();
    
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            Object value = arguments.isEmpty() ? null : DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
            if (value instanceof LocalDate date) {
                return Messages.date(locale, date);
            }
            DateTimeFormatter dateTime = DATE_TIMES.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", l));
            if (value instanceof LocalDateTime localDateTime) {
                return dateTime.format(localDateTime);
            }
            if (value instanceof Instant instant) {
                return dateTime.format(instant.atZone(Today.DUTCH_TIME));
            }
            return value == null ? "" : value.toString();
        }
    }

    /** {@code ${formatMoney(amount)}}: "€ 1.283,83" / "€1,283.83". */
    private record MoneyMethod(Locale locale) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            Object value = arguments.isEmpty() ? null : DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
            return value instanceof java.math.BigDecimal amount ? Messages.money(locale, amount) : "";
        }
    }

    /** {@code ${text(someText)}}: a {@link Text} from a rule or service, in the reader's language. */
    private record TextMethod(Messages messages, Locale locale) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            Object value = arguments.isEmpty() ? null : DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
            if (!(value instanceof Text text)) {
                throw new TemplateModelException("text needs a Text, got " + value);
            }
            return messages.render(locale, text);
        }
    }

    /**
     * {@code ${explained("key", arg1, arg2)}}, {@code ${explainedText(someText)}}: as msg and text, with the page's first use of each hard word linked to its
     * explanation ({@link HardWords}, ADR 0051). Only where a link may stand: in a paragraph, never inside a link,
     * a button, a label or an attribute.
     */
    private record ExplainedMethod(TemplateMethodModelEx msg, HardWords hardWords) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            return HTMLOutputFormat.INSTANCE.fromMarkup(hardWords.mark((String) msg.exec(arguments)));
        }
    }

    /** {@code ${msg("key", arg1, arg2)}} in templates; dates and months are written out. */
    private record MessageMethod(Messages messages, Locale locale) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.isEmpty()) {
                throw new TemplateModelException("msg needs a key");
            }
            String key = String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0)));
            Object[] args = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                args[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(i));
            }
            return messages.getFormatted(locale, key, args);
        }
    }
}
