/** The case process: the policy that carries a case from one aggregate to the next. */
package dk.grantlifecycle.domain.process;
