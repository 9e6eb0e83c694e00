# -*- coding: utf-8 -*-
# Sample Python code for youtube.channels.list, with the prompts reworded for our team.
import os

import google_auth_oauthlib.flow
import googleapiclient.discovery

scopes = ["https://www.googleapis.com/auth/youtube.readonly"]


def main():
    client_secrets_file = "client_secret.json"

    flow = google_auth_oauthlib.flow.InstalledAppFlow.from_client_secrets_file(
        client_secrets_file, scopes)
    credentials = flow.run_console(
        authorization_prompt_message="Sign in with the team account: {url}",
        authorization_code_message="Paste the code Google shows you: ")
    youtube = googleapiclient.discovery.build("youtube", "v3", credentials=credentials)

    response = youtube.channels().list(part="snippet", mine=True).execute()
    print(response)


if __name__ == "__main__":
    main()
