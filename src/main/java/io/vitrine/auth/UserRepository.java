package io.vitrine.auth;

import java.util.Optional;

/** Users. Contract: {@link #insert} stores the user and her first token atomically. */
public interface UserRepository {

    void insert(User user, ApiToken firstToken);

    Optional<User> find(String id);
}
