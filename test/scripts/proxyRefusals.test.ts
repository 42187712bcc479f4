import { proxyRefusals } from "../../scripts/engine/go";

/** go's output as it arrives: one string per line, tabs and all. */
const lines = (text: string) => text.split("\n");

describe("proxyRefusals: what the module proxy refused, read from go's output", () => {
  test("a 403 with the proxy's 'not available' response (the language host on a restricted proxy)", () => {
    const output = lines(
      [
        "go: github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@a05d88f24d05726fa3beae771bfdedb0c0c6a94a: invalid version: reading https://goproxy.example/github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3/@v/a05d88f24d05726fa3beae771bfdedb0c0c6a94a.info: 403 Forbidden",
        "\tserver response: This module version is not available.",
      ].join("\n"),
    );
    expect(proxyRefusals(output)).toEqual([
      "module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@a05d88f24d05726fa3beae771bfdedb0c0c6a94a: " +
        "403 Forbidden (server response: This module version is not available.)",
    ]);
  });

  test("a 404 for a version that does not exist, with the proxy's explanation", () => {
    const output = lines(
      [
        "go: github.com/pulumi/pulumi/pkg/v3@v3.999.0: reading https://goproxy.example/github.com/pulumi/pulumi/pkg/v3/@v/v3.999.0.info: 404 Not Found",
        "\tserver response: not found: github.com/pulumi/pulumi/pkg/v3@v3.999.0: invalid version: unknown revision pkg/v3.999.0",
      ].join("\n"),
    );
    expect(proxyRefusals(output)).toEqual([
      "module github.com/pulumi/pulumi/pkg/v3@v3.999.0: 404 Not Found " +
        "(server response: not found: github.com/pulumi/pulumi/pkg/v3@v3.999.0: invalid version: unknown revision pkg/v3.999.0)",
    ]);
  });

  test("a 410 for a dependency named under a 'requires' line, its .mod file refused", () => {
    const output = lines(
      [
        "go: downloading github.com/pulumi/pulumi/sdk/v3 v3.259.0",
        "go: github.com/pulumi/pulumi/pkg/v3@v3.259.0 requires",
        "\tgithub.com/BurntSushi/toml@v1.2.1: reading https://goproxy.example/github.com/!burnt!sushi/toml/@v/v1.2.1.mod: 410 Gone",
        "\tserver response: not found: github.com/BurntSushi/toml@v1.2.1: invalid version: unknown revision v1.2.1",
      ].join("\n"),
    );
    expect(proxyRefusals(output)).toEqual([
      "module github.com/BurntSushi/toml@v1.2.1: 410 Gone (server response: not found: github.com/BurntSushi/toml@v1.2.1: invalid version: unknown revision v1.2.1)",
    ]);
  });

  test("a refused .zip without a server response keeps just the status", () => {
    const output = ["go: github.com/spf13/cobra@v1.8.1: reading https://goproxy.example/github.com/spf13/cobra/@v/v1.8.1.zip: 403 Forbidden"];
    expect(proxyRefusals(output)).toEqual(["module github.com/spf13/cobra@v1.8.1: 403 Forbidden"]);
  });

  test("a module named only by the URL: the path is read from it and its escaped capitals restored", () => {
    expect(proxyRefusals(["go: reading https://goproxy.example/github.com/!burnt!sushi/toml/@v/list: 404 Not Found"])).toEqual([
      "module github.com/BurntSushi/toml: 404 Not Found",
    ]);
    expect(proxyRefusals(["go: module github.com/pulumi/esc: reading https://goproxy.example/github.com/pulumi/esc/@latest: 403 Forbidden"])).toEqual([
      "module github.com/pulumi/esc: 403 Forbidden",
    ]);
  });

  test("a checksum that does not verify, and a package no module provides", () => {
    const output = lines(
      [
        "verifying github.com/golang/glog@v1.2.4: checksum mismatch",
        "\tdownloaded: h1:aaaa=",
        "\tgo.sum:     h1:bbbb=",
        "main.go:4:2: no required module provides package github.com/pulumi/pulumi/pkg/v3/cmd/pulumi; to add it:",
        "\tgo get github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
      ].join("\n"),
    );
    expect(proxyRefusals(output)).toEqual([
      "module github.com/golang/glog@v1.2.4: checksum mismatch",
      "package github.com/pulumi/pulumi/pkg/v3/cmd/pulumi: no module provides it",
    ]);
  });

  test("the same refusal printed twice is reported once, in the order first seen", () => {
    const refused = "go: golang.org/x/net@v0.30.0: reading https://goproxy.example/golang.org/x/net/@v/v0.30.0.mod: 403 Forbidden";
    const other = "go: golang.org/x/text@v0.19.0: reading https://goproxy.example/golang.org/x/text/@v/v0.19.0.mod: 403 Forbidden";
    expect(proxyRefusals([refused, other, refused])).toEqual([
      "module golang.org/x/net@v0.30.0: 403 Forbidden",
      "module golang.org/x/text@v0.19.0: 403 Forbidden",
    ]);
  });

  test("other failures (downloads, compile errors, a killed build) are not refusals", () => {
    const output = lines(
      [
        "go: downloading github.com/pulumi/pulumi/pkg/v3 v3.259.0",
        "go: added github.com/pulumi/pulumi/pkg/v3 v3.259.0",
        "github.com/pulumi/pulumi/sdk/v3/go/common/util/contract",
        "# github.com/pulumi/pulumi/pkg/v3/backend",
        "../../pkg/mod/github.com/pulumi/pulumi/pkg/v3@v3.259.0/backend/backend.go:41:2: undefined: Foo",
        "go build github.com/pulumi/pulumi/pkg/v3/codegen: /usr/local/go/pkg/tool/linux_amd64/compile: signal: killed",
        "",
      ].join("\n"),
    );
    expect(proxyRefusals(output)).toEqual([]);
  });
});
