using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Mail;
using JobWise.ApiService.Model;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobWise.ApiService.Auth;

public static class AuthApi
{
    /// <summary>An email, a password, a name or a token: a few hundred bytes; anything near this is not a sign-in.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Auth").WithMaxBodyBytes(MaxBodyBytes);
        group.MapPost("/register", Register).WithName("Register").WithSummary("Create an account and sign in (a verification mail is sent)").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/login", Login).WithName("Login").WithSummary("Sign in with email and password").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Exchange a refresh token for new tokens (rotates it)").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke a refresh token and its sign-in").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/logout-all", LogoutAll).WithName("LogoutEverywhere")
            .WithSummary("Sign out everywhere: every refresh token revoked, every access token refused from now on")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/me", Me).WithName("CurrentUser").WithSummary("The signed-in user")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapAccountEndpoints();
        return group;
    }

    public static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, HttpContext context, JobWiseDbContext db, PasswordHasher hasher, AuthRateLimiter rateLimiter,
        AccessTokenIssuer accessTokens, RefreshTokenStore refreshTokens, MailQueue mail, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = ValidateEmail(errors, request.Email);
        ValidatePassword(errors, "password", request.Password);
        errors.Required("full_name", request.FullName, 200);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        if (await rateLimiter.TryAcquireRegistrationAsync(ClientAddress(context), cancellationToken) is { } retryAfter)
        {
            return Problems.RetryLater(context, StatusCodes.Status429TooManyRequests, "Too many attempts; try again later.", retryAfter);
        }

        var fullName = request.FullName!.Trim();
        var user = new User
        {
            Id = Guid.NewGuid(),
            Email = email.Trimmed,
            NormalizedEmail = email.Normalized,
            FullName = fullName,
            PasswordHash = hasher.Hash(request.Password!),
            CreatedAt = clock.GetUtcNow(),
            SecurityStamp = Guid.NewGuid(),
        };
        db.Users.Add(user);
        db.Profiles.Add(new Profile
        {
            UserId = user.Id,
            Content = new ResumeDocument { Header = new ResumeHeader { Name = fullName, Email = email.Trimmed } },
            UpdatedAt = user.CreatedAt,
        });
        var refreshToken = refreshTokens.Issue(user.Id, user.SecurityStamp);
        // The account works before it is verified; the mail is queued with it, so both or neither.
        mail.Enqueue(EmailKind.EmailVerification, user.NormalizedEmail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("An account with this email already exists.");
        }
        return TypedResults.Created("/api/v1/auth/me", TokenResponseFor(user, accessTokens, refreshToken));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, JobWiseDbContext db, PasswordHasher hasher, AuthRateLimiter rateLimiter,
        SignInBackoff backoff, AccessTokenIssuer accessTokens, RefreshTokenStore refreshTokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = ValidateEmail(errors, request.Email);
        errors.Required("password", request.Password, PasswordHasher.MaximumLength);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        if (await rateLimiter.TryAcquireSignInAsync(ClientAddress(context), email.Normalized, cancellationToken) is { } retryAfter)
        {
            return Problems.RetryLater(context, StatusCodes.Status429TooManyRequests, "Too many attempts; try again later.", retryAfter);
        }
        // Failures at this account from anywhere slow every sign-in to it, the owner's too, but never refuse one.
        await Task.Delay(await backoff.DelayForAsync(email.Normalized), cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.Normalized, cancellationToken);
        if (!hasher.Verify(request.Password!, user?.PasswordHash) || user is null)
        {
            await backoff.RecordFailureAsync(email.Normalized);
            return Problems.Unauthorized("The email or password is not correct.");
        }
        await backoff.ClearAsync(email.Normalized);
        if (await db.AccountDeletions.AnyAsync(d => d.UserId == user.Id, cancellationToken))
        {
            return Problems.Unauthorized("This account is being deleted.");
        }
        var refreshToken = refreshTokens.Issue(user.Id, user.SecurityStamp);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(TokenResponseFor(user, accessTokens, refreshToken));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, JobWiseDbContext db, AccessTokenIssuer accessTokens, RefreshTokenStore refreshTokens,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Problems.Validation("refresh_token", "is required");
        }
        var rotated = await refreshTokens.RotateAsync(request.RefreshToken, cancellationToken);
        if (rotated is not { } next)
        {
            return Problems.Unauthorized("The refresh token is not valid.");
        }
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == next.UserId, cancellationToken);
        return TypedResults.Ok(TokenResponseFor(user, accessTokens, next.Token));
    }

    public static async Task<Results<NoContent, ValidationProblem>> Logout(
        RefreshRequest request, RefreshTokenStore refreshTokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Problems.Validation("refresh_token", "is required");
        }
        // An unknown token is already as signed out as it can be.
        await refreshTokens.RevokeAsync(request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LogoutAll(HttpContext context, SignOutEverywhere signOut, CancellationToken cancellationToken)
    {
        await signOut.ApplyAsync(context.User.GetUserId(), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(
        HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? Problems.Unauthorized("The account no longer exists.") : TypedResults.Ok(ToResponse(user));
    }

    public static UserResponse ToResponse(User user) => new(user.Id, user.Email, user.FullName, user.CreatedAt, user.EmailVerifiedAt is not null);

    internal static TokenResponse TokenResponseFor(User user, AccessTokenIssuer accessTokens, string refreshToken)
    {
        var (accessToken, expiresIn) = accessTokens.Issue(user);
        return new TokenResponse(accessToken, refreshToken, "bearer", expiresIn, ToResponse(user));
    }

    internal static (string Trimmed, string Normalized) ValidateEmail(ValidationErrors errors, string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add("email", "is required");
        }
        errors.Email("email", trimmed);
        return (trimmed, trimmed.ToLowerInvariant());
    }

    internal static void ValidatePassword(ValidationErrors errors, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "is required");
        }
        else if (password.Length < PasswordHasher.MinimumLength)
        {
            errors.Add(field, $"must be at least {PasswordHasher.MinimumLength} characters");
        }
        else if (password.Length > PasswordHasher.MaximumLength)
        {
            errors.Add(field, $"must be at most {PasswordHasher.MaximumLength} characters");
        }
    }

    internal static string? ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
