/** An accessible on/off switch: a button with role="switch" and a visible label. */
import './switch.css';
export interface SwitchProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export function Switch({ id, label, checked, disabled = false, onChange }: SwitchProps) {
  return (
    <div class="switch-row">
      <label id={`${id}-label`} for={id}>
        {label}
      </label>
      <button
        id={id}
        type="button"
        role="switch"
        class="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="switch-thumb" aria-hidden="true" />
      </button>
    </div>
  );
}
