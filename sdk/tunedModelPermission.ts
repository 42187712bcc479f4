import * as pulumi from "@pulumi/pulumi";
import { connectionInputs, type ConnectionArgs } from "./connectionArgs";
import type { TunedModelPermissionState } from "../provider/gemini/permission";
import { DynamicResource, type RecordedOutput } from "./dynamicResource";

/** Arguments of a {@link TunedModelPermission}. */
export interface TunedModelPermissionArgs extends ConnectionArgs {
  /** The model to share: `tunedModels/<id>` or a `TunedModel`'s `name`. */
  tunedModel: pulumi.Input<string>;
  /** `USER`, `GROUP` or `EVERYONE`. */
  granteeType: pulumi.Input<"USER" | "GROUP" | "EVERYONE">;
  /** The user's or group's email; not set for `EVERYONE`. */
  emailAddress?: pulumi.Input<string>;
  /** `READER` (use the model) or `WRITER` (also edit and share). Changed in place. */
  role: pulumi.Input<"READER" | "WRITER">;
}

/**
 * Shares a tuned model. A role change is applied in place; a change of model, grantee type or email
 * replaces the permission.
 */
export class TunedModelPermission extends DynamicResource {
  /** `tunedModels/<model>/permissions/<id>`: the resource id, so known in the preview of an in-place update. */
  declare readonly name: RecordedOutput<TunedModelPermissionState, "name">;
  /** The granted role. */
  declare readonly role: RecordedOutput<TunedModelPermissionState, "role">;

  /**
   * Declares a permission.
   * @param name The resource name.
   * @param args Who gets which role on which model.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: TunedModelPermissionArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "tunedModelPermission",
      "TunedModelPermission",
      name,
      {
        tunedModel: args.tunedModel,
        granteeType: args.granteeType,
        emailAddress: args.emailAddress,
        role: args.role,
        ...connectionInputs(args),
      },
      opts,
    );
    this.name = this.nameFromId();
  }
}
