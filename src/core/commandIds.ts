// Every command id of the manifest, written once.
export const CommandId = {
	postMessage: 'superofficeChat.postMessage',
	composeMessage: 'superofficeChat.composeMessage',
	sendComposed: 'superofficeChat.sendComposed',
	postSelection: 'superofficeChat.postSelection',
	addConnection: 'superofficeChat.addConnection',
	signIn: 'superofficeChat.signIn',
	signInOnline: 'superofficeChat.signInOnline',
	signOut: 'superofficeChat.signOut',
	removeConnection: 'superofficeChat.removeConnection',
	switchConnection: 'superofficeChat.switchConnection',
	showLog: 'superofficeChat.showLog',
	refreshView: 'superofficeChat.refreshView',
	pickUp: 'superofficeChat.pickUp',
	pickUpNext: 'superofficeChat.pickUpNext',
	transfer: 'superofficeChat.transfer',
	acceptTransfer: 'superofficeChat.acceptTransfer',
	rejectTransfer: 'superofficeChat.rejectTransfer',
	resetSession: 'superofficeChat.resetSession',
	openTranscript: 'superofficeChat.openTranscript',
	/** Registered by the chat view when it can open a session with focus in the composer; optional. */
	openSessionInView: 'superofficeChat.openSessionInView',
} as const;
