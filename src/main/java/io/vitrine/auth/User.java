package io.vitrine.auth;

import java.time.Instant;
import java.util.Set;

/** A person or system that holds tokens; her roles and regions are copied into each token she gets. */
public record User(String id, String name, Set<String> roles, Set<String> regions, Instant createdAt) {}
