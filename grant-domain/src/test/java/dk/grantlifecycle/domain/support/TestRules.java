package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.rules.RuleBook;

/** The shipped rule files, loaded once for all tests. */
public final class TestRules {

    public static final RuleBook SHIPPED = RuleBook.shipped();

    private TestRules() {
    }
}
