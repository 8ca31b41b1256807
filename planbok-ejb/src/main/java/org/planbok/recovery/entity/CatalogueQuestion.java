package org.planbok.recovery.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The security questions Planbok offers, each with an id that never changes meaning (clients store
 * and send the id). Customers may also write their own.
 */
public enum CatalogueQuestion {
  FIRST_PET("first-pet", "What was the name of your first pet?"),
  CHILDHOOD_STREET("childhood-street", "What was the name of the street you grew up on?"),
  FIRST_SCHOOL("first-school", "What was the name of your first school?"),
  CHILDHOOD_FRIEND("childhood-friend", "What was the first name of your best childhood friend?"),
  FAVOURITE_TEACHER("favourite-teacher", "What was the last name of your favourite teacher?"),
  PARENTS_MET("parents-met", "In which town or city did your parents meet?"),
  FIRST_EMPLOYER("first-employer", "What was the name of your first employer?"),
  FIRST_CONCERT("first-concert", "Which band or artist did you first see live?"),
  FIRST_CAR("first-car", "What was the make and model of your first car?"),
  DREAM_JOB("dream-job", "As a child, what did you want to be when you grew up?");

  private final String id;
  private final String text;

  CatalogueQuestion(String id, String text) {
    this.id = id;
    this.text = text;
  }

  public String id() {
    return id;
  }

  public String text() {
    return text;
  }

  public static Optional<CatalogueQuestion> byId(String id) {
    return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst();
  }
}
