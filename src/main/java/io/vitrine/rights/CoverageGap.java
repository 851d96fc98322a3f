package io.vitrine.rights;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Says which part of a use no licence covers, so a refusal tells people what right to obtain. */
final class CoverageGap {
    private CoverageGap() {}

    static String explain(List<Licence> all, String mediaType, Use use, Instant now) {
        List<Licence> licences = all.stream().filter(l -> l.coversMedia(mediaType)).toList();
        if (licences.isEmpty()) {
            Set<String> granted = all.stream().flatMap(l -> l.media().stream()).collect(Collectors.toCollection(TreeSet::new));
            return "the licences cover " + String.join(", ", granted) + " only, not " + Licence.mediumOf(mediaType);
        }
        List<Licence> channel = licences.stream().filter(l -> l.coversChannel(use.channel())).toList();
        if (channel.isEmpty()) {
            Set<String> granted = licences.stream().flatMap(l -> l.channels().stream()).map(Channel::apiName)
                    .collect(Collectors.toCollection(TreeSet::new));
            return "channel " + use.channel().apiName() + " is not granted (granted: " + String.join(", ", granted) + ")";
        }
        List<Licence> region = channel.stream().filter(l -> l.coversRegion(use.region())).toList();
        if (region.isEmpty()) {
            Set<String> granted = channel.stream().flatMap(l -> l.regions().stream()).collect(Collectors.toCollection(TreeSet::new));
            return "region " + use.region() + " is not granted for " + use.channel().apiName()
                    + " (granted: " + String.join(", ", granted) + ")";
        }
        return region.stream().map(l -> l.endedBy(now) ? "licence " + l.id() + " ended " + l.end()
                : "licence " + l.id() + " starts " + l.start()).collect(Collectors.joining("; "));
    }
}
