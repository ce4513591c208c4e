/**
 * HEARING (partshøring): the hearings of the aggregate that will decide (an application, or a grant
 * for a later decision), held as its member. A hearing names the facts, runs to the citizen's answer
 * deadline and is answered once.
 */
package dk.grantlifecycle.domain.hearing;
