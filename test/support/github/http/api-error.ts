/** An error GitHub would answer with; handlers throw it and the server renders GitHub's body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }

  static notFound(): ApiError {
    return new ApiError(404, "Not Found");
  }

  static validationFailed(errors: unknown[]): ApiError {
    return new ApiError(422, "Validation Failed", errors);
  }
}
