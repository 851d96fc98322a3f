package io.vitrine.auth;

import java.time.Duration;
import java.util.List;

/** A request to create a user; {@code tokenLifetime} null means the default. */
public record NewUser(String name, List<String> roles, List<String> regions, Duration tokenLifetime) {}
