package io.vitrine.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Reading a server-sent event stream line by line in tests (the API's and the web UI's streams). */
public final class SseLines {
    private SseLines() {}

    /** Lines until one contains {@code until} (inclusive) or the server ends the stream; then closes it. */
    public static List<String> readUntil(HttpResponse<Stream<String>> r, String until) {
        List<String> lines = new ArrayList<>();
        Iterator<String> it = r.body().iterator();
        while (it.hasNext()) {
            String line = it.next();
            lines.add(line);
            if (until != null && line.contains(until)) {
                break;
            }
        }
        r.body().close();
        return lines;
    }
}
