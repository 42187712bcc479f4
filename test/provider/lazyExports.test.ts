// The provider host of a resource reads one export of the provider module; the others must not be loaded
// (compiling them is part of every preview's start).
describe("the provider module's exports", () => {
  const modules = {
    tunedModel: "../../provider/gemini/tunedModel/provider",
    tunedModelPermission: "../../provider/gemini/permission",
    vertexTunedModel: "../../provider/vertex/tunedModel/provider",
    getTunedModel: "../../provider/gemini/lookup",
  } as const;

  it("loads a provider only when its export is read", () => {
    const loaded = new Set<string>();
    jest.isolateModules(() => {
      for (const [name, path] of Object.entries(modules)) {
        jest.doMock(path, () => {
          loaded.add(name);
          return jest.requireActual(path);
        });
      }
      const provider = require("../../provider") as typeof import("../../provider");
      expect(loaded.size).toBe(0);
      expect(typeof provider.tunedModel.check).toBe("function");
      expect([...loaded]).toEqual(["tunedModel"]);
      expect(typeof provider.vertexTunedModel.diff).toBe("function");
      expect([...loaded].sort()).toEqual(["tunedModel", "vertexTunedModel"]);
    });
  });

  it("lists every export, so the host and the SDK find them by name", () => {
    const provider = require("../../provider") as Record<string, unknown>;
    expect(Object.keys(provider).sort()).toEqual(["configure", "datasets", "getTunedModel", "tunedModel", "tunedModelPermission", "vertexTunedModel"]);
    expect(typeof (provider.datasets as { DatasetFileRead?: unknown }).DatasetFileRead).toBe("function");
    expect(typeof provider.configure).toBe("function");
  });
});
