// The one check skeleton, with a small schema (no backend).
import { z } from "zod";
import { checkInputs } from "../../../provider/lifecycle/check";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

const schema = z.object({ name: z.string().min(1, "must not be empty"), size: z.number({ error: "must be a number" }).optional() });

describe("checkInputs", () => {
  test("drops the serialized provider and undefined members, and hands back the resource's checked inputs", () => {
    const result = checkInputs({ __provider: "exports.handler = ...", name: "a" }, schema, (parsed) => ({ checked: { ...parsed, id: `id-${parsed.name}`, size: undefined } }));
    expect(result).toEqual({ inputs: { name: "a", id: "id-a" }, failures: [] });
  });

  test("reports schema problems with their property paths and returns the news unchanged", () => {
    const news = { name: "", size: "big" };
    expect(checkInputs(news, schema, () => ({ failures: [] }))).toEqual({
      inputs: news,
      failures: [
        { property: "name", reason: "must not be empty" },
        { property: "size", reason: "must be a number" },
      ],
    });
  });

  test("leaves problems under a value unknown at preview for later", () => {
    expect(checkInputs({ name: "a", size: UNKNOWN }, schema, () => ({ failures: [] })).failures).toEqual([]);
  });

  test("reports the resource's own problems", () => {
    const result = checkInputs({ name: "a" }, schema, () => ({ failures: [{ property: "baseUrl", reason: "must be an http(s) URL" }] }));
    expect(result.failures).toEqual([{ property: "baseUrl", reason: "must be an http(s) URL" }]);
  });
});
