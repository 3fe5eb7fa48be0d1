namespace JobWise.Web.Components;

/// <summary>The front end's addresses, named once.</summary>
public static class Routes
{
    public const string SignIn = "/signin";
    public const string Register = "/register";
    public const string SignOut = "/account/signout";
    public const string Profile = "/profile";
    public const string Jobs = "/jobs";
    public const string Exports = "/exports";
    public const string Account = "/account";
    public const string ForgotPassword = "/forgot-password";
    // The API mails links to these two (its AccountMail paths).
    public const string ResetPassword = "/reset-password";
    public const string VerifyEmail = "/verify-email";

    public static string Job(Guid id) => $"/jobs/{id}";
    public static string Tailor(Guid jobId) => $"/jobs/{jobId}/tailor";
    public static string Export(Guid generationId) => $"/generations/{generationId}/export";
    public static string JobExports(Guid jobId) => $"/jobs/{jobId}/exports";
    public static string ExportFile(Guid exportId) => $"/files/exports/{exportId}";
    public static string TemplatePreview(string templateId) => $"/files/templates/{Uri.EscapeDataString(templateId)}/preview";
    public const string ResumePreview = "/files/preview";
    public const string JsonResumeFile = "/files/profile/json-resume";
}
