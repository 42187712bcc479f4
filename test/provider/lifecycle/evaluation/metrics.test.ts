// The four metrics of the evaluation gate, each on replies that pass and fail it.
import { foldedText, scoreReply } from "../../../../provider/lifecycle/evaluation/metrics";

describe("scoreReply", () => {
  test("exactMatch compares after trimming only", () => {
    expect(scoreReply("Paris", "  Paris\n").exactMatch).toBe(true);
    expect(scoreReply("Paris", "paris").exactMatch).toBe(false);
  });

  test("normalizedMatch folds case, punctuation and whitespace", () => {
    expect(foldedText("  Hello,   World! ")).toBe("hello world");
    expect(scoreReply("hello world", "Hello, World!").normalizedMatch).toBe(true);
    expect(scoreReply("hello world", "hello there").normalizedMatch).toBe(false);
  });

  test("contains looks for the trimmed expected answer in the reply", () => {
    expect(scoreReply(" Paris ", "The capital is Paris.").contains).toBe(true);
    expect(scoreReply("Paris", "The capital is Lyon.").contains).toBe(false);
  });

  test("jsonValid parses the trimmed reply", () => {
    expect(scoreReply("", ' {"a": 1} ').jsonValid).toBe(true);
    expect(scoreReply("", "42").jsonValid).toBe(true);
    expect(scoreReply("", "{a: 1}").jsonValid).toBe(false);
  });
});
