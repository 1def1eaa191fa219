// The composer's fields as a draft, and back (the Advanced section opens when a draft uses it).
import { type DraftData, emptyDraft, sameDraft } from '../shared/draft';
import { type Elements } from './dom';

export function readFields(e: Elements): DraftData {
	return {
		text: e.text.value,
		type: e.type.value === 'ToUser' ? 'ToUser' : 'ToCustomer',
		author: e.author.value,
		specialType: e.specialType.value as DraftData['specialType'],
		specialParam: e.specialParam.value,
	};
}

export function writeFields(e: Elements, d: DraftData): void {
	e.text.value = d.text;
	e.type.value = d.type;
	e.author.value = d.author;
	e.specialType.value = d.specialType;
	e.specialParam.value = d.specialParam;
	if (!sameDraft({ ...d, text: '' }, emptyDraft())) e.advanced.open = true;
}
