package nl.bijstandsportaal.platform.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Lets micronaut-views render {@code @View} pages with Freemarker. The Micronaut 4 Freemarker module is not
 * available here, so this small adapter over {@link PageRenderer} takes its place (docs/adr/0002).
 */
@Singleton
@Produces(MediaType.TEXT_HTML)
public class FreemarkerViewsRenderer implements ViewsRenderer<Object, HttpRequest<?>> {

    private final PageRenderer pages;

    FreemarkerViewsRenderer(PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Writable render(String viewName, Object data, HttpRequest<?> request) {
        Map<String, Object> model = data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("model", data == null ? Map.of() : data);
        String html = pages.render(viewName, model, request);
        return out -> out.write(html);
    }

    @Override
    public boolean exists(String viewName) {
        return pages.exists(viewName);
    }
}
