package nl.bijstandsportaal.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A form body as Micronaut binds it ({@code @Body Map<String, Object>}), as text. */
public final class FormBody {

    private FormBody() {
    }

    /** Every field as text; a field sent twice counts with its first value. */
    public static Map<String, String> strings(Map<String, Object> body) {
        Map<String, String> values = new HashMap<>();
        if (body != null) {
            body.forEach((key, value) -> {
                Object first = value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
                if (first != null) {
                    values.put(key, first.toString());
                }
            });
        }
        return values;
    }
}
