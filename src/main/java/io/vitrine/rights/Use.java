package io.vitrine.rights;

/**
 * What a delivery is for. {@code channel} null means internal viewing by a signed-in user, which is
 * not a distribution and needs no licence; a stated channel always comes with a region.
 */
public record Use(Channel channel, String region) {
    public static final Use INTERNAL_VIEW = new Use(null, null);

    public boolean isDistribution() {
        return channel != null;
    }
}
