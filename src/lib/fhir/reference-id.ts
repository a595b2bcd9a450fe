/** The id a reference names when it is of `type` ("DocumentReference/<id>" → "<id>"); undefined for any other type. */
export function idOfReference(reference: string | undefined, type: string): string | undefined {
  return reference?.startsWith(`${type}/`) ? reference.slice(type.length + 1) : undefined;
}
