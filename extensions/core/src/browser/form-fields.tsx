import { nls } from '@theia/core/lib/common/nls';
import { MatchProErrors } from '../common/errors';
import { roleLabel } from './role-label';
import * as React from '@theia/core/shared/react';

/** Small controlled inputs shared by the MatchPro editors, so every form behaves the same. */
export interface FieldProps<T> {
    label: string;
    value: T;
    onChange(value: T): void;
    name: string;
    required?: boolean;
    placeholder?: string;
    disabled?: boolean;
}

export function TextField(props: FieldProps<string> & { type?: 'text' | 'email' | 'tel' | 'url' | 'date'; maxLength?: number }): React.ReactElement {
    return <label>
        <span>{props.label}{props.required ? ' *' : ''}</span>
        <input className='theia-input' name={props.name} type={props.type ?? 'text'} value={props.value} required={props.required}
            placeholder={props.placeholder} disabled={props.disabled} maxLength={props.maxLength ?? 300}
            onChange={event => props.onChange(event.target.value)} />
    </label>;
}

export function NumberField(props: FieldProps<number | undefined> & { min?: number; max?: number; step?: number }): React.ReactElement {
    return <label>
        <span>{props.label}{props.required ? ' *' : ''}</span>
        <input className='theia-input' name={props.name} type='number' value={props.value ?? ''} min={props.min} max={props.max} step={props.step}
            placeholder={props.placeholder} disabled={props.disabled}
            onChange={event => props.onChange(event.target.value === '' ? undefined : Number(event.target.value))} />
    </label>;
}

export function TextAreaField(props: FieldProps<string> & { rows?: number }): React.ReactElement {
    return <label>
        <span>{props.label}{props.required ? ' *' : ''}</span>
        <textarea className='theia-input' name={props.name} value={props.value} rows={props.rows ?? 6} placeholder={props.placeholder}
            disabled={props.disabled} onChange={event => props.onChange(event.target.value)} />
    </label>;
}

export function SelectField<T extends string>(props: FieldProps<T | ''> & { options: { value: T; label: string }[]; allowEmpty?: boolean }): React.ReactElement {
    return <label>
        <span>{props.label}{props.required ? ' *' : ''}</span>
        <select className='theia-select' name={props.name} value={props.value} disabled={props.disabled}
            onChange={event => props.onChange(event.target.value as T | '')}>
            {props.allowEmpty && <option value=''>—</option>}
            {props.options.map(option => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
    </label>;
}

export function CheckboxField(props: FieldProps<boolean>): React.ReactElement {
    return <label style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
        <input type='checkbox' name={props.name} checked={props.value} disabled={props.disabled} onChange={event => props.onChange(event.target.checked)} />
        <span>{props.label}</span>
    </label>;
}

/** Empty strings mean "not given": drop them so optional fields stay absent instead of failing validation. */
export function withoutEmpty<T extends object>(value: T): T {
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
        if (field === '' || field === undefined) {
            continue;
        }
        result[key] = field !== null && typeof field === 'object' && !Array.isArray(field) ? withoutEmpty(field as object) : field;
    }
    return result as T;
}

export function errorMessage(error: unknown): string {
    if (MatchProErrors.Forbidden.is(error as object)) {
        const { needed, role } = (error as { data?: { needed?: string; role?: string } }).data ?? {};
        if (needed === 'admin') {
            return nls.localize('matchpro/error/adminOnly', 'Only an administrator can do this.');
        }
        if (needed === 'write') {
            return nls.localize('matchpro/error/readOnly', 'Your account ({0}) can only look at records, not change them.', roleLabel(role ?? ''));
        }
    }
    return error instanceof Error ? error.message : String(error);
}
