namespace JobWise.Web.ApiClient;

public sealed record AccountResponse(Guid Id, string Email, string FullName, bool EmailVerified);
