// The composer's fields as a draft, and back (the Advanced section opens when a draft uses it).
import { type DraftData, emptyDraft } from '../shared/protocol';
import { type Elements } from './dom';

export function readFields(e: Elements): DraftData {
	const d = emptyDraft();
	d.text = e.text.value;
	d.type = e.type.value === 'ToUser' ? 'ToUser' : 'ToCustomer';
	d.author = e.author.value;
	d.specialType = e.specialType.value as DraftData['specialType'];
	d.specialParam = e.specialParam.value;
	return d;
}

export function writeFields(e: Elements, d: DraftData): void {
	e.text.value = d.text;
	e.type.value = d.type;
	e.author.value = d.author;
	e.specialType.value = d.specialType;
	e.specialParam.value = d.specialParam;
	if (d.type !== 'ToCustomer' || d.author || d.specialType !== 'None' || d.specialParam) e.advanced.open = true;
}
