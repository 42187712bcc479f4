import { tunedModel, tunedModelPermission } from "../../../provider";
import { modelInputs, useEmulator } from "./geminiFixture";

const emulator = useEmulator();

describe("TunedModelPermission", () => {
  it("rejects invalid grants at check", async () => {
    const { failures } = await tunedModelPermission.check({}, { tunedModel: "Bad Name", granteeType: "EVERYONE", emailAddress: "a@b.c", role: "OWNER" });
    expect(failures.map((failure: { property: string }) => failure.property).sort()).toEqual(["emailAddress", "role", "tunedModel"]);
    const missingEmail = await tunedModelPermission.check({}, { tunedModel: "m1", granteeType: "USER", role: "READER" });
    expect(missingEmail.failures).toEqual([{ property: "emailAddress", reason: "is required when granteeType is USER" }]);
  });

  it("grants, changes the role in place, notices revocation, and revokes", async () => {
    const { inputs: modelIn } = await tunedModel.check({}, modelInputs(emulator().url));
    const model = await tunedModel.create(modelIn);
    const { inputs, failures } = await tunedModelPermission.check({}, {
      tunedModel: model.id, granteeType: "USER", emailAddress: "reader@example.com", role: "READER", baseUrl: emulator().url,
    });
    expect(failures).toEqual([]);
    const { id, outs } = await tunedModelPermission.create(inputs);
    expect(id).toMatch(new RegExp(`^${model.id}/permissions/`));

    const writer = { ...inputs, role: "WRITER" };
    expect(await tunedModelPermission.diff(id, outs, writer)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect((await tunedModelPermission.update(id, outs, writer)).outs.role).toBe("WRITER");
    const other = { ...inputs, emailAddress: "other@example.com" };
    expect((await tunedModelPermission.diff(id, outs, other)).replaces).toEqual(["emailAddress"]);

    await tunedModelPermission.delete(id, outs);
    expect(await tunedModelPermission.read(id, outs)).toEqual({ id: "", props: {} });
    await expect(tunedModelPermission.delete(id, outs)).resolves.toBeUndefined();
  });
});
