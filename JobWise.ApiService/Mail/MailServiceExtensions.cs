using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Mail;

public static class MailServiceExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MailOptions>(MailOptions.SectionName);
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddSingleton<AccountMail>();
        builder.Services.AddSingleton<SmtpMailSender>();
        builder.Services.AddHostedService<MailWorker>();
        return builder;
    }

    /// <summary>Says at start-up when mail is off, since password resets and verifications then silently send nothing.</summary>
    public static void WarnWhenMailIsOff(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MailOptions>>().Value.Enabled)
        {
            app.Logger.LogWarning("Mail:Host is not set: no mail is sent (password-reset and email-verification mails are dropped).");
        }
    }
}
