using JobWise.ApiService.Model;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JobWise.ApiService.Mail;

/// <summary>The mails JobWise sends about an account, each with a link to a page of the web front end.</summary>
public sealed class AccountMail(IOptions<MailOptions> options, IOptions<Auth.AuthOptions> authOptions)
{
    public const string ResetPasswordPath = "/reset-password";
    public const string VerifyEmailPath = "/verify-email";

    public MimeMessage PasswordReset(User user, string token)
    {
        var link = Link(ResetPasswordPath, token);
        var minutes = (int)Math.Round(authOptions.Value.PasswordResetTokenLifetime.TotalMinutes);
        return Message(user, "Reset your JobWise password",
            $"""
            Hello {user.FullName},

            Someone (we hope you) asked to reset the password of your JobWise account. To choose a new one, open this link within {minutes} minutes:

            {link}

            The link works once. If you did not ask for this, ignore this mail: your password stays as it is.
            """);
    }

    public MimeMessage EmailVerification(User user, string token)
    {
        var link = Link(VerifyEmailPath, token);
        return Message(user, "Confirm your email address for JobWise",
            $"""
            Hello {user.FullName},

            Please confirm that this is your email address by opening this link:

            {link}

            If you did not create a JobWise account, ignore this mail.
            """);
    }

    private MimeMessage Message(User user, string subject, string text)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(user.FullName, user.Email));
        message.Subject = subject;
        // Plain text only: nothing in it can be rendered as markup, and every client shows the link.
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private string Link(string path, string token) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}{path}?token={Uri.EscapeDataString(token)}";
}
