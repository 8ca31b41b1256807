package org.planbok.recovery.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One question of a setup: a catalogue id, or a text of the customer's own (not both). */
@Schema(name = "QuestionChoice", description = "A catalogue question's id, or your own text")
public class QuestionChoice {
  @Schema(description = "Id from GET /recovery/questions", example = "first-pet")
  private String id;

  @Schema(description = "A question of your own, 5 to 200 characters", example = "Which café?")
  private String text;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
