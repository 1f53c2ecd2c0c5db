import * as fs from 'fs';
import { inject, injectable } from '@theia/core/shared/inversify';
import { Role, ROLES } from '../../common/server-access';
import { UserAccount, UserAccounts } from '../security/user-accounts';
import { CliArgs, CliCommand, CliUserError } from './cli-command';

function nameArg(args: CliArgs, usage: string): string {
    const name = args.positionals[0];
    if (!name) {
        throw new CliUserError(`${usage}: NAME is required`);
    }
    return name;
}

/** The password comes from a file (never an argument, which shell history and `ps` would show). */
function passwordFromFile(args: CliArgs, usage: string): string {
    const file = args.options['password-file'];
    if (typeof file !== 'string') {
        throw new CliUserError(`${usage}: --password-file FILE is required (a file holding the password on its first line)`);
    }
    try {
        return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
        throw new CliUserError(`${usage}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

/** `matchpro users add NAME --role admin|recruiter|viewer --password-file F`: an account of the hosted mode. */
@injectable()
export class UsersAddCommand implements CliCommand {
    readonly words = ['users', 'add'];
    readonly summary = 'adds an account of the hosted mode (admin, recruiter or viewer)';
    readonly usage = 'users add NAME --role admin|recruiter|viewer --password-file FILE [--json]';

    @inject(UserAccounts) protected readonly accounts: UserAccounts;

    async run(args: CliArgs): Promise<{ name: string; role: Role }> {
        const name = nameArg(args, 'users add');
        const role = args.options.role;
        if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
            throw new CliUserError(`users add: --role must be one of ${ROLES.join(', ')}`);
        }
        const account = await this.accounts.add(name, role as Role, passwordFromFile(args, 'users add'));
        return { name: account.name, role: account.role };
    }

    formatText(result: unknown): string {
        const { name, role } = result as { name: string; role: Role };
        return `account ${name} (${role}) added`;
    }
}

@injectable()
export class UsersListCommand implements CliCommand {
    readonly words = ['users', 'list'];
    readonly summary = 'lists the accounts of the hosted mode (never their passwords)';
    readonly usage = 'users list [--json]';

    @inject(UserAccounts) protected readonly accounts: UserAccounts;

    run(): Promise<UserAccount[]> {
        return this.accounts.list();
    }

    formatText(result: unknown): string {
        const accounts = result as UserAccount[];
        return accounts.length === 0 ? 'no account' : accounts.map(a => `${a.name}\t${a.role}\t${a.updatedAt}`).join('\n');
    }
}

@injectable()
export class UsersRemoveCommand implements CliCommand {
    readonly words = ['users', 'remove'];
    readonly summary = 'removes an account of the hosted mode';
    readonly usage = 'users remove NAME [--json]';

    @inject(UserAccounts) protected readonly accounts: UserAccounts;

    async run(args: CliArgs): Promise<{ name: string; removed: true }> {
        const name = nameArg(args, 'users remove');
        await this.accounts.remove(name);
        return { name, removed: true };
    }
}

@injectable()
export class UsersPasswdCommand implements CliCommand {
    readonly words = ['users', 'passwd'];
    readonly summary = 'sets a new password for an account of the hosted mode';
    readonly usage = 'users passwd NAME --password-file FILE [--json]';

    @inject(UserAccounts) protected readonly accounts: UserAccounts;

    async run(args: CliArgs): Promise<{ name: string; changed: true }> {
        const name = nameArg(args, 'users passwd');
        await this.accounts.setPassword(name, passwordFromFile(args, 'users passwd'));
        return { name, changed: true };
    }
}
