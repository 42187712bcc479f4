import { z } from "zod";

/**
 * Validated inputs of a `TunedModelPermission`. OWNER cannot be granted: ownership moves only with
 * `transferOwnership`, which demotes the current owner, so it is not a declarative permission.
 */
export const permissionInputsSchema = z
  .object({
    tunedModel: z
      .string()
      .transform((value) => (value.startsWith("tunedModels/") ? value : `tunedModels/${value}`))
      .pipe(z.string().regex(/^tunedModels\/[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/, 'must name a tuned model such as "tunedModels/my-model-abc123"')),
    granteeType: z.enum(["USER", "GROUP", "EVERYONE"], { error: "must be USER, GROUP or EVERYONE" }),
    emailAddress: z.email("must be an email address").optional(),
    role: z.enum(["READER", "WRITER"], { error: "must be READER or WRITER (ownership is transferred, not granted)" }),
    apiKey: z.string().min(1).optional(),
    project: z.string().min(1).optional(),
    baseUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  })
  .superRefine((inputs, ctx) => {
    if (inputs.granteeType === "EVERYONE" && inputs.emailAddress !== undefined) {
      ctx.addIssue({ code: "custom", path: ["emailAddress"], message: "must not be set when granteeType is EVERYONE" });
    }
    if (inputs.granteeType !== "EVERYONE" && inputs.emailAddress === undefined) {
      ctx.addIssue({ code: "custom", path: ["emailAddress"], message: `is required when granteeType is ${inputs.granteeType}` });
    }
  });

/** Permission inputs after validation. */
export type PermissionInputs = z.output<typeof permissionInputsSchema>;
